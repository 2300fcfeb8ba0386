/**
 * Data-first validation: every problem of a household, with a stable code, a severity, the path of
 * the bad field and the value seen. A household with errors is held, untouched.
 */
package dev.rebal.core.validation;

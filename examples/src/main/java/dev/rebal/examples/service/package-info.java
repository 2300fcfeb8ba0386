/**
 * An example of a firm service wrapping Rebal in plain Java: {@link
 * dev.rebal.examples.service.RebalanceService}.
 */
package dev.rebal.examples.service;

/** Implementation of the book format: the field-by-field mapping between JSON and the model. */
package dev.rebal.json.internal;

/** The engine's pipeline stages. Not API: it may change in any release. */
package dev.rebal.engine.internal;

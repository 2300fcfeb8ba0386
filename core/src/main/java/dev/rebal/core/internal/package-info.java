/** Internal helpers shared by Rebal's modules. Not API: it may change in any release. */
package dev.rebal.core.internal;

package dev.rebal.core;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The one Immutables style used by every Rebal value type.
 *
 * <p>Generated implementations are package-private and hidden behind the abstract type, builders
 * are strict (setting an attribute twice is an error) and accessors have no {@code get} prefix. It
 * is placed on each model package's {@code package-info.java}. It is public only so that other
 * Rebal modules can use it; it is not part of the API that embedders program against.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    strictBuilder = true,
    builderVisibility = Value.Style.BuilderVisibility.PACKAGE,
    jdkOnly = false,
    defaults = @Value.Immutable(copy = true))
public @interface RebalStyle {}

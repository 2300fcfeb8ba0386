package dev.rebal.core;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The one Immutables style used by every Rebal value type.
 *
 * <p>Generated implementations are package-private and hidden behind the abstract type, and
 * accessors have no {@code get} prefix. Each value type implements its generated {@code With}
 * interface, so {@code lot.withQuantity(q)} or {@code household.withTaxProfile(p)} (one attribute
 * changed, the value checked again) is reachable from any package and from JShell, and its builder
 * has {@code from(value)} to start from a copy ({@code
 * TaxLot.builder().from(lot).quantity(q).build()}); builders are therefore not strict: a later
 * setter replaces what {@code from} or an earlier setter set. It is placed on each model package's
 * {@code package-info.java}. The generated classes carry no annotation from a library on the class
 * path (none of Immutables' own, none of Error Prone's), so a consumer compiles against our jars
 * without Immutables and without warnings. It is public only so that other Rebal modules can use
 * it; it is not part of the API that embedders program against.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    strictBuilder = false,
    builderVisibility = Value.Style.BuilderVisibility.PACKAGE,
    jdkOnly = false,
    // Override is a placeholder: a non-empty list admits only the annotations it names, so no
    // annotation found on our class path (Immutables' @Generated, Error Prone's) is written into
    // the generated classes, and a consumer compiling with -Xlint:all -Werror needs none of them
    allowedClasspathAnnotations = Override.class,
    defaults = @Value.Immutable(copy = true))
public @interface RebalStyle {}

/**
 * The Rule SPI: rules that run at named pipeline stages (eligibility, trigger, constraint,
 * routing), their outcomes, and the registry that finds them through ServiceLoader or code.
 */
package dev.rebal.core.rule;

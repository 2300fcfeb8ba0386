/**
 * The policy backtest: six rebalancing policies (calendar, absolute and relative threshold,
 * tax-aware threshold, this engine run goal-blind, and this engine) run over the same generated
 * households and the same market paths (parametric, or bootstrapped from historical annual
 * returns), with income and its tax by account type, recurring outside gains and trading costs,
 * through the library's public API only ({@code Rebalancer}, {@code RuleSet}, {@code
 * ProposalExecutor}, {@code BookGenerator}, the tax module's calculators). Entry point: {@link
 * dev.rebal.examples.backtest.PolicyBacktest}; method and results: {@code docs/backtest.md}.
 */
package dev.rebal.examples.backtest;

/**
 * The policy backtest: five rebalancing policies (calendar, absolute and relative threshold,
 * tax-aware threshold, and this engine) run over the same generated households and the same seeded
 * market path, through the library's public API only ({@code Rebalancer}, {@code RuleSet}, {@code
 * ProposalExecutor}, {@code BookGenerator}, the tax module's calculators). Entry point: {@link
 * dev.rebal.examples.backtest.PolicyBacktest}; method and results: {@code docs/backtest.md}.
 */
package dev.rebal.examples.backtest;

package dev.rebal.engine;

import dev.rebal.core.household.Household;
import dev.rebal.core.sample.BookConfig;
import dev.rebal.core.sample.BookGenerator;
import dev.rebal.tax.harvest.HarvestPolicy;
import dev.rebal.tax.harvest.LossHarvester;
import org.junit.jupiter.api.Test;

class DebugIdem {
  @Test
  void debug() {
    BookGenerator b = BookGenerator.of(BookConfig.of(7));
    Household h = b.household(88961);
    Decision d = Rebalancer.standard().rebalance(h, b.marketData(), b.asOf());
    System.out.println(d.canonicalText());
    Household after = ProposalExecutor.apply(h, d.proposal());
    var scan = LossHarvester.standard().scan(after, b.marketData(), b.asOf(), HarvestPolicy.of("1000", "5"));
    System.out.println("TRADES " + d.proposal().trades().size() + " lots " + h.lots().size() + " -> " + after.lots().size() + " tx " + after.transactions().size());
    h.lots().stream().filter(l -> l.security().value().equals("ADR02")).forEach(l -> System.out.println("BEFORE " + l));
    after.lots().stream().filter(l -> l.security().value().equals("ADR02")).forEach(l -> System.out.println("AFTER " + l));
    scan.harvests().forEach(x -> System.out.println("HARVEST " + x.account() + " " + x.sold() + " loss " + x.loss() + " repl " + x.replacement() + " lots " + x.sale().lots().size()));
    System.out.println(Rebalancer.standard().rebalance(after, b.marketData(), b.asOf()).canonicalText());
  }
}

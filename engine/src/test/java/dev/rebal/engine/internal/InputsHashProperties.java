package dev.rebal.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebal.core.household.Household;
import dev.rebal.core.market.MarketData;
import dev.rebal.sample.BookConfig;
import dev.rebal.sample.BookGenerator;
import dev.rebal.core.security.SecurityId;
import dev.rebal.core.testing.HouseholdFixture;
import dev.rebal.core.testing.RebalArbitraries;
import dev.rebal.engine.ProposalExecutor;
import dev.rebal.engine.Rebalancer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The inputs hash writes the household's text itself (for speed); it must be exactly the
 * household's {@code toString()}, which defines the hash in every audit record.
 */
class InputsHashProperties {
  private static final BookGenerator BOOK = BookGenerator.of(BookConfig.of(42));
  private static final Rebalancer REBALANCER = Rebalancer.standard();

  @Provide
  Arbitrary<Household> anyHouseholds() {
    return RebalArbitraries.households();
  }

  @Provide
  Arbitrary<HouseholdFixture> validHouseholds() {
    return RebalArbitraries.validHouseholds();
  }

  @Provide
  Arbitrary<Integer> bookIndices() {
    return Arbitraries.integers().between(0, 99_999);
  }

  @Property(tries = 300)
  void text_ofAnyHousehold_isItsToString(@ForAll("anyHouseholds") Household h) {
    Statistics.label("household").collect(
        h.lastRebalanced().isPresent() ? "last rebalanced" : "never",
        h.lots().isEmpty() ? "no lots" : "lots");
    Statistics.label("household").coverage(c -> {
      c.check("never", "lots").count(n -> n > 0);
      c.check("last rebalanced", "lots").count(n -> n > 0);
    });
    h.transactions().forEach(t -> Statistics.label("transaction").collect(
        t.realizedGain().isPresent() ? "gain" : "no gain"));
    Statistics.label("transaction").coverage(c -> {
      c.check("gain").count(n -> n > 0);
      c.check("no gain").count(n -> n > 0);
    });
    h.goals().forEach(g -> Statistics.label("goal").collect(
        g.fundingShare().isPresent() ? "share" : "no share"));
    Statistics.label("goal").coverage(c -> {
      c.check("share").count(n -> n > 0);
      c.check("no share").count(n -> n > 0);
    });
    assertThat(InputsHash.text(h)).isEqualTo(h.toString());
  }

  @Property(tries = 100)
  void text_ofValidHousehold_isItsToString(@ForAll("validHouseholds") HouseholdFixture f) {
    assertThat(InputsHash.text(f.household())).isEqualTo(f.household().toString());
  }

  @Property(tries = 100)
  void text_ofBookHousehold_isItsToString(@ForAll("bookIndices") int index) {
    Household h = BOOK.household(index);
    assertThat(InputsHash.text(h)).isEqualTo(h.toString());
  }

  /** The text goes to the digest in chunks: the digest is that of the whole text's bytes. */
  @Property(tries = 100)
  void digestOfText_inChunks_isThatOfToString(@ForAll("bookIndices") int index) {
    Household h = BOOK.household(index);
    MessageDigest chunked = InputsHash.sha256();
    InputsHash.updateWithText(chunked, h);
    MessageDigest whole = InputsHash.sha256();
    whole.update(h.toString().getBytes(StandardCharsets.UTF_8));
    Statistics.collect(h.toString().length() > 3 * 8192 ? "several chunks" : "few chunks");
    Statistics.coverage(c -> c.check("several chunks").count(n -> n > 0));
    assertThat(chunked.digest()).isEqualTo(whole.digest());
  }

  /** The reference data's text, written field by field, is that of the values' own text. */
  @Property(tries = 100)
  void referenceText_ofBookHousehold_isThatOfToString(@ForAll("bookIndices") int index) {
    Household h = BOOK.household(index);
    MarketData m = BOOK.marketData();
    Set<SecurityId> read = new TreeSet<>();
    h.lots().forEach(lot -> read.add(lot.security()));
    h.transactions().forEach(t -> read.add(t.security()));
    h.model().securities().values().forEach(read::addAll);
    StringBuilder expected = new StringBuilder("\n");
    Set<String> issuers = new TreeSet<>();
    for (SecurityId id : read) {
      m.findSecurity(id).ifPresent(s -> {
        expected.append(s).append('\n');
        issuers.add(s.issuer());
      });
      m.prices().find(id).ifPresent(p -> expected.append(p).append('\n'));
    }
    for (String issuer : issuers) {
      if (m.volumes().containsKey(issuer)) {
        expected.append(m.volumes().get(issuer)).append('\n');
      }
    }
    Statistics.collect(issuers.stream().anyMatch(m.volumes()::containsKey) ? "volumes" : "none");
    Statistics.coverage(c -> c.check("volumes").count(n -> n > 0));
    assertThat(InputsHash.referenceText(read, m)).isEqualTo(expected.toString());
  }

  /** After its proposal, a household also has transactions with a lot (buys) and with a gain. */
  @Property(tries = 60)
  void text_ofBookHouseholdAfterItsTrades_isItsToString(@ForAll("bookIndices") int index) {
    Household h = BOOK.household(index);
    Household after = ProposalExecutor.apply(h, REBALANCER.rebalance(h, BOOK.marketData(),
        BOOK.asOf()).proposal());
    after.transactions().forEach(t -> Statistics.collect(t.lot().isPresent() ? "lot" : "no lot"));
    Statistics.coverage(c -> c.check("lot").count(n -> n > 0));
    assertThat(InputsHash.text(after)).isEqualTo(after.toString());
  }
}

package dev.rebal.core.validation;

import dev.rebal.core.household.Account;
import dev.rebal.core.household.MemberId;

/**
 * Account checks: owners known, held-away accounts not tradable, cash and floor in USD, floor not
 * negative. Cash below the floor is only a warning: the rebalance must raise the cash, so holding
 * the household would leave it short.
 */
final class AccountChecker {
  private AccountChecker() {}

  static void check(Context c) {
    for (Account a : c.household.accounts()) {
      Path p = Path.of("accounts", a.id());
      if (a.owners().isEmpty()) {
        c.add(Code.ACCOUNT_OWNER_NONE, p.field("owners"), "[]", "must have at least one owner");
      }
      for (MemberId owner : a.owners()) {
        if (!c.hasMember(owner)) {
          c.add(
              Code.ACCOUNT_OWNER_UNKNOWN,
              p.field("owners", owner),
              owner,
              "must be a member of the household");
        }
      }
      if (a.heldAway() && a.tradable()) {
        c.add(
            Code.ACCOUNT_HELDAWAY_TRADABLE,
            p.field("tradable"),
            true,
            "must be false for a held-away account, which the firm never trades");
      }
      if (a.custodian().isBlank()) {
        c.add(
            Code.ACCOUNT_CUSTODIAN_BLANK,
            p.field("custodian"),
            "'" + a.custodian() + "'",
            "should name the custodian");
      }
      boolean cashUsd = c.problems.checkUsd(p.field("cash"), a.cash());
      boolean floorUsd = c.problems.checkUsd(p.field("cashFloor"), a.cashFloor());
      if (floorUsd && a.cashFloor().isNegative()) {
        c.add(
            Code.ACCOUNT_FLOOR_NEGATIVE,
            p.field("cashFloor"),
            a.cashFloor(),
            "must not be negative");
      }
      if (cashUsd && a.cash().isNegative()) {
        c.add(
            Code.ACCOUNT_CASH_NEGATIVE,
            p.field("cash"),
            a.cash(),
            "should not be negative (a debit the rebalance must cover)");
      }
      if (cashUsd && floorUsd && a.cash().compareTo(a.cashFloor()) < 0) {
        c.add(
            Code.ACCOUNT_CASH_BELOW_FLOOR,
            p.field("cash"),
            a.cash(),
            "is below the cash floor " + a.cashFloor() + "; the rebalance must raise it");
      }
    }
  }
}

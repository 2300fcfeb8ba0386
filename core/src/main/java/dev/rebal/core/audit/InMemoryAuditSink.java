package dev.rebal.core.audit;

import com.google.common.collect.ImmutableList;
import dev.rebal.core.internal.Checks;
import java.util.ArrayList;
import java.util.List;

/** An audit sink held in memory, for tests and single runs. This class is thread-safe. */
public final class InMemoryAuditSink implements AuditSink {
  private final List<AuditRecord> records = new ArrayList<>();

  @Override
  public synchronized AuditRecord append(AuditEntry entry) {
    Checks.notNull(entry, "entry");
    String previous =
        records.isEmpty() ? AuditRecord.GENESIS : records.get(records.size() - 1).hash();
    AuditRecord record = AuditRecord.chain(records.size(), previous, entry);
    records.add(record);
    return record;
  }

  @Override
  public synchronized AuditHead head() {
    return records.isEmpty() ? AuditHead.EMPTY : AuditHead.of(records.get(records.size() - 1));
  }

  @Override
  public synchronized List<AuditRecord> records() {
    return ImmutableList.copyOf(records);
  }
}

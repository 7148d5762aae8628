package org.carbonalliance.patentpool.impl.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.carbonalliance.patentpool.api.PatentData;
import org.carbonalliance.patentpool.api.PatentSource;

/** Keeps what a source hands it, by item number; says stop after {@code limit} calls. */
final class RecordingSink implements PatentSource.Sink {

    final Map<Long, PatentData> accepted = new LinkedHashMap<>();
    final Map<Long, String> rejected = new LinkedHashMap<>();
    final List<Long> items = new ArrayList<>();
    private final int limit;

    RecordingSink() {
        this(Integer.MAX_VALUE);
    }

    RecordingSink(int limit) {
        this.limit = limit;
    }

    @Override
    public boolean accept(long item, PatentData patent) {
        accepted.put(item, patent);
        items.add(item);
        return items.size() < limit;
    }

    @Override
    public boolean reject(long item, String reason) {
        rejected.put(item, reason);
        items.add(item);
        return items.size() < limit;
    }
}

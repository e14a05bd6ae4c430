package app.ghostresume.bench;

import java.util.List;
import java.util.Map;

/** Everything one run measured, for the report and the charts. */
record Results(Map<String, Object> run, List<Measurement> commands, List<Measurement> baseline,
        List<FreshnessProbe.Freshness> freshness, HistorySeeder.Seeded seeded, int seekers, List<Measurement> queries,
        ReplayProbe.Replay replay, ResourceMonitor resources, List<Storage.Store> storage,
        SealingCost.Costs sealing, CommunityReportProbe.Community community) {
}

package cn.p2psupervision.registry.statistics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.p2psupervision.registry.institution.RegisterView;
import cn.p2psupervision.registry.institution.ReportFigures;
import cn.p2psupervision.registry.report.ReportStore;

/**
 * REG-09: this replica's copy of every file's figures for the few periods statistics were asked for, kept current the
 * way {@link RegisterView} keeps the lines: after a change only the figures of the files it names are read again.
 */
@Component
class PeriodFigures {

    /** Files whose figures are read together when a period is loaded. */
    private static final int BATCH = 500;
    /** Periods kept (least recently used goes first): about 2.5 MB each with 10,000 files. */
    private static final int PERIODS = 4;

    private final ReportStore reports;
    private final RegisterView register;
    private final Map<String, Loaded> periods = new LinkedHashMap<>(8, 0.75f, true);

    PeriodFigures(ReportStore reports, RegisterView register) {
        this.reports = reports;
        this.register = register;
    }

    /** Every file's figures for {@code period} as of {@code snapshot}, by file id (absent: no report). */
    synchronized Map<String, ReportFigures> of(String period, RegisterView.Snapshot snapshot) {
        Loaded loaded = periods.get(period);
        if (loaded != null && loaded.position() == snapshot.position()) {
            return loaded.figures();
        }
        Optional<Set<String>> changed = loaded == null ? Optional.empty() : register.changedSince(loaded.position());
        Map<String, ReportFigures> figures;
        if (changed.isPresent()) {
            figures = new HashMap<>(loaded.figures());
            List<String> ids = List.copyOf(changed.get());
            Map<String, ReportFigures> fresh = read(ids, period);
            ids.forEach(figures::remove);
            figures.putAll(fresh);
        } else {
            figures = read(List.copyOf(snapshot.lines().keySet()), period);
        }
        periods.put(period, new Loaded(snapshot.position(), Map.copyOf(figures)));
        while (periods.size() > PERIODS) {
            periods.remove(periods.keySet().iterator().next());
        }
        return periods.get(period).figures();
    }

    private Map<String, ReportFigures> read(List<String> ids, String period) {
        Map<String, ReportFigures> figures = new HashMap<>();
        for (int from = 0; from < ids.size(); from += BATCH) {
            figures.putAll(reports.figuresOf(new ArrayList<>(ids.subList(from, Math.min(from + BATCH, ids.size()))),
                    period));
        }
        return figures;
    }

    private record Loaded(long position, Map<String, ReportFigures> figures) {
    }
}

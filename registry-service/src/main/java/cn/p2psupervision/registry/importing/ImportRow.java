package cn.p2psupervision.registry.importing;

import java.util.List;

/** The report of one row of an import: its outcome and, for conflicts and rejections, why. */
public record ImportRow(String id, String importId, long row, String creditCode, ImportJob.Outcome outcome,
                        List<String> reasons) {

    static String idOf(String importId, long row) {
        return importId + ":" + String.format("%09d", row);
    }
}

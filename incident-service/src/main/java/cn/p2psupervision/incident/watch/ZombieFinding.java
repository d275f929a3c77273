package cn.p2psupervision.incident.watch;

import java.util.List;

import cn.p2psupervision.platform.registryfeed.InstitutionReference;

/**
 * INC-10: an institution a scan found to be a zombie by its operating figures.
 *
 * @param reasons      the figures rules that hold, with their months
 * @param latestPeriod its latest reported month
 */
record ZombieFinding(InstitutionReference institution, List<ZombieReason> reasons, String latestPeriod) {

    ZombieFinding {
        reasons = List.copyOf(reasons);
    }
}

package cn.p2psupervision.incident.events;

import java.util.List;
import java.util.Optional;

import cn.p2psupervision.platform.agency.AgencyRequestKind;

/**
 * The measures taken on a risk event: containment (INC-07, 维稳措施) and disposal (INC-08, 处置措施). A disposal measure
 * that needs another agency sends it a request through the agencies' door (AUTH-05): the referral to public security,
 * the shutdown of apps and licences to the telecom administration.
 */
public enum MeasureKind {
    /** 控制账户 */
    CONTROL_ACCOUNTS("控制账户", false),
    /** 防止关键人员外逃 */
    STOP_KEY_PERSONS_LEAVING("防止关键人员外逃", false),
    /** 查封财产 */
    SEAL_ASSETS("查封财产", false),
    /** 防止风险在机构间传染 */
    PREVENT_CONTAGION("防止风险传染", false),
    /** 统一口径 */
    UNIFIED_MESSAGING("统一口径", false),
    /** 维权渠道: a team and published reception places. */
    RIGHTS_PROTECTION_CHANNEL("维权渠道", false),
    /** 自救（生前遗嘱） */
    SELF_RESCUE_PLAN("自救（生前遗嘱）", true),
    /** 协商兑付: a repayment plan filed with the provincial regulator. */
    NEGOTIATED_REPAYMENT("协商兑付", true),
    /** 兼并重组: asset-management companies, custodial collection. */
    MERGER_OR_RESTRUCTURING("兼并重组", true),
    /** 转型为消费金融公司或网络小贷公司 */
    TRANSFORMATION("转型", true),
    /** 关停App、吊销许可 */
    APP_AND_LICENCE_SHUTDOWN("关停App、吊销许可", true),
    /** 移送公安（追赃挽损） */
    REFERRAL_TO_PUBLIC_SECURITY("移送公安", true);

    private final String chinese;
    private final boolean disposal;

    MeasureKind(String chinese, boolean disposal) {
        this.chinese = chinese;
        this.disposal = disposal;
    }

    public String chinese() {
        return chinese;
    }

    /** A disposal measure (INC-08) rather than a containment one (INC-07). */
    public boolean disposal() {
        return disposal;
    }

    /** The requirement the measure implements. */
    public String rule() {
        return disposal ? "INC-08" : "INC-07";
    }

    /** AUTH-05: the requests this measure sends to partner agencies, one per kind. */
    public List<AgencyRequestKind> agencyRequests() {
        return switch (this) {
            case REFERRAL_TO_PUBLIC_SECURITY -> List.of(AgencyRequestKind.REFERRAL);
            case APP_AND_LICENCE_SHUTDOWN -> List.of(AgencyRequestKind.CANCEL_LICENCE,
                    AgencyRequestKind.BLOCK_WEBSITE);
            default -> List.of();
        };
    }

    static Optional<MeasureKind> of(String name) {
        for (MeasureKind kind : values()) {
            if (kind.name().equals(name)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}

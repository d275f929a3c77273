package cn.p2psupervision.platform.agency;

import java.util.Arrays;
import java.util.Optional;

import cn.p2psupervision.platform.security.Caller;
import cn.p2psupervision.platform.security.PlatformRole;

/**
 * The partner agencies that receive requests from the platform (AUTH-05), each a Keycloak client-credentials client
 * whose token carries role {@code agency-partner} and claim {@code agency} with this name.
 */
public enum Agency {
    /** 公安机关 (client {@code agency-public-security}). */
    PUBLIC_SECURITY,
    /** 通信管理部门 (client {@code agency-telecom}). */
    TELECOM,
    /** 人民银行分支机构 (client {@code agency-central-bank}). */
    CENTRAL_BANK,
    /** 市场监督管理部门 / 工商 (client {@code agency-market-regulation}). */
    MARKET_REGULATION;

    /** The agency whose machine client is calling: role {@code agency-partner} and a known {@code agency} claim. */
    public static Optional<Agency> of(Caller caller) {
        if (caller == null || !caller.has(PlatformRole.AGENCY_PARTNER) || caller.agency() == null) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(a -> a.name().equals(caller.agency())).findFirst();
    }
}

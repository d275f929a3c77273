package cn.p2psupervision.platform.audit;

import java.util.List;
import java.util.stream.Collectors;

import cn.p2psupervision.platform.security.Caller;
import cn.p2psupervision.platform.security.PlatformRole;

/**
 * Who made a version of a record, as the token said, roles included (AUTH-07). Kept with the version, so that its
 * audit entry can be written again from the stored version alone ({@link #toCaller()}).
 */
public record ChangedBy(String userId, String username, List<String> roles, String province, String agency) {

    public ChangedBy {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    public static ChangedBy of(Caller caller) {
        return new ChangedBy(caller.userId(), caller.username(),
                caller.roles().stream().sorted().map(PlatformRole::roleName).toList(), caller.province(),
                caller.agency());
    }

    /** The caller again, for the audit trail; roles no longer known are dropped. */
    public Caller toCaller() {
        return new Caller(userId, username, roles.stream().map(PlatformRole::fromRoleName)
                .flatMap(java.util.Optional::stream).collect(Collectors.toSet()), province, agency);
    }
}

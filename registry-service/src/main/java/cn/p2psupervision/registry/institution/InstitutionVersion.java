package cn.p2psupervision.registry.institution;

import java.time.Instant;
import java.util.List;

import cn.p2psupervision.platform.security.Caller;
import cn.p2psupervision.platform.security.PlatformRole;

/**
 * An immutable version record of a file (REG-07): the commit point of every change. Its id is
 * {@code <institutionId>:<version>}, so at most one record exists per (institution, version); the current file and the
 * audit entry are derived from it idempotently.
 *
 * @param changeKey     identifies the request that made it, so that a retry of the same request is recognised
 * @param requestDigest digest of that request's body: the same {@code Idempotency-Key} with another body is refused
 */
public record InstitutionVersion(String id, String institutionId, long version, String action, String reason,
                                 Instant at, ChangedBy by, List<String> changed, String changeKey,
                                 InstitutionFile snapshot, String requestDigest) {

    public static String idOf(String institutionId, long version) {
        return institutionId + ":" + version;
    }

    /** Who made a change, as the token said (AUTH-07). */
    public record ChangedBy(String userId, String username, List<String> roles, String province, String agency) {

        public static ChangedBy of(Caller caller) {
            return new ChangedBy(caller.userId(), caller.username(),
                    caller.roles().stream().sorted().map(PlatformRole::roleName).toList(), caller.province(),
                    caller.agency());
        }

        public Caller toCaller() {
            return new Caller(userId, username, roles.stream().map(r -> PlatformRole.fromRoleName(r).orElseThrow())
                    .collect(java.util.stream.Collectors.toSet()), province, agency);
        }
    }
}

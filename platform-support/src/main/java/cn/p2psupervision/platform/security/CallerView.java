package cn.p2psupervision.platform.security;

import java.util.List;

/** The JSON shape of {@code GET .../me}, the same in every service and the gateway. */
public record CallerView(String userId, String username, List<String> roles, String province, String agency) {

    public static CallerView of(Caller caller) {
        List<String> roles = caller.roles().stream().sorted().map(PlatformRole::roleName).toList();
        return new CallerView(caller.userId(), caller.username(), roles, caller.province(), caller.agency());
    }
}

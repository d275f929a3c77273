package cn.p2psupervision.platform.security;

/**
 * Who did something, as a domain record keeps it (AUTH-07): the token's subject and username, and the province and
 * agency the person acted for. Taken from the {@link Caller}, never from a request body.
 */
public record Actor(String userId, String username, String province, String agency) {

    public static Actor of(Caller caller) {
        return new Actor(caller.userId(), caller.username(), caller.province(), caller.agency());
    }

    /** Whether {@code other} is the same person (the same token subject). */
    public boolean samePersonAs(Actor other) {
        return other != null && userId != null && userId.equals(other.userId);
    }
}

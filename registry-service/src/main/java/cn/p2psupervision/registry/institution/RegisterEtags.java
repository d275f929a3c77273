package cn.p2psupervision.registry.institution;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import cn.p2psupervision.platform.security.Caller;
import cn.p2psupervision.platform.security.ProvinceScope;

/**
 * Entity tags of answers computed from the register (lists, groups, statistics): the commit sequence they reflect and
 * what they were asked for (the caller's scope and the query), so that a client or the portal revalidates with
 * {@code If-None-Match} and gets 304 until anything changes on any replica. Weak tags: two replicas may format the same
 * content differently.
 */
public final class RegisterEtags {

    private RegisterEtags() {
    }

    public static String of(long sequence, Caller caller, String query) {
        ProvinceScope.ReadableRecords scope = ProvinceScope.readable(caller);
        String material = scope.all() + "|" + scope.province().orElse("") + "|" + (query == null ? "" : query);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(material.getBytes(StandardCharsets.UTF_8));
            return "W/\"r" + sequence + "-" + HexFormat.of().formatHex(digest, 0, 8) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

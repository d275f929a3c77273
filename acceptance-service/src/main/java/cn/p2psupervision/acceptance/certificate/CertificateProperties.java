package cn.p2psupervision.acceptance.certificate;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The acceptance certificate's PDF ({@code acceptance.certificate.*}).
 *
 * @param fontFiles TrueType fonts (.ttf, or .ttc collections) with Chinese glyphs, tried in order; the first that
 *                  exists is embedded (subset). PDF's base fonts have no Chinese glyph: without any of these the
 *                  certificate still renders, its Chinese as placeholders, and its English lines carry the meaning.
 *                  By default the Debian packages' paths: {@code fonts-droid-fallback}, {@code fonts-wqy-microhei},
 *                  {@code fonts-wqy-zenhei}, {@code fonts-arphic-uming}.
 * @param verifyAt  where the public verifies a certificate: the public verification path prefix, to which the code
 *                  is appended (e.g. {@code https://<gateway host>/api/v1/public/certificates/})
 */
@ConfigurationProperties("acceptance.certificate")
public record CertificateProperties(List<String> fontFiles, String verifyAt) {

    public static final List<String> DEBIAN_CJK_FONTS = List.of(
            "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
            "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
            "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
            "/usr/share/fonts/truetype/arphic/uming.ttc");

    public CertificateProperties {
        fontFiles = fontFiles == null ? DEBIAN_CJK_FONTS : List.copyOf(fontFiles);
        verifyAt = verifyAt == null || verifyAt.isBlank() ? "/api/v1/public/certificates/" : verifyAt;
    }
}

package cn.p2psupervision.acceptance.publicapi;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.p2psupervision.acceptance.cases.AcceptanceCase;
import cn.p2psupervision.acceptance.cases.CaseService;
import cn.p2psupervision.acceptance.cases.Certificate;
import cn.p2psupervision.acceptance.cases.Notice;
import cn.p2psupervision.platform.province.Province;

/**
 * What the public may know of the acceptance cases (AUTH-06): the institutions under notice (公示, ACC-08), the filed
 * institutions (备案登记, ACC-12) and the certificates that can be verified (ACC-11) — names, credit codes, provinces,
 * days and numbers, nothing else of a case.
 *
 * <p>Served from a snapshot in this replica's memory, so that a public request costs one read of the tiny counter
 * {@code public_generation} ({@link CaseService#publicGeneration()}), which every change the public sees moves on (a
 * notice started or revoked, a certificate issued, a filing). When it has moved, the first request rebuilds the snapshot
 * from the cases (one query per list) while the others wait for it; otherwise nothing else is read. The counter is read
 * before the cases, so a change that lands during a rebuild is picked up by the next request.
 */
@Component
public class PublicRegister {

    private final CaseService cases;
    private volatile Snapshot snapshot = Snapshot.EMPTY;

    PublicRegister(CaseService cases) {
        this.cases = cases;
    }

    /** The register as of the latest change the public sees. */
    public Snapshot current() {
        long generation = cases.publicGeneration();
        Snapshot known = snapshot;
        if (known.generation() == generation) {
            return known;
        }
        synchronized (this) {
            if (snapshot.generation() != generation) {
                snapshot = Snapshot.build(generation, cases.underNotice(), cases.filed());
            }
            return snapshot;
        }
    }

    /**
     * ACC-08: an institution under public notice, as the public sees it.
     *
     * @param noticeNumber  the notice's number, which a complaint names
     * @param earliestEndOn the earliest day the notice ends: 14 full days after {@code startedOn}
     */
    public record NoticeEntry(String institutionName, String creditCode, String registeredProvince,
                              String registeredProvinceName, String noticeNumber, LocalDate startedOn,
                              LocalDate earliestEndOn) {
    }

    /** ACC-12: a filed institution (已备案登记), as the public sees it. */
    public record FiledEntry(String institutionName, String creditCode, String registeredProvince,
                             String registeredProvinceName, LocalDate filedOn) {
    }

    /** ACC-11: an issued certificate, as the public verifies it; {@code filedOn} null until filing. */
    public record VerifiedCertificate(boolean valid, String institutionName, String creditCode,
                                      String registeredProvince, String registeredProvinceName, LocalDate issuedOn,
                                      LocalDate filedOn) {
    }

    /**
     * One state of the register.
     *
     * @param onNotice          institution ids under notice by credit code (for complaints naming a credit code)
     * @param noticesVersion    a fingerprint of {@code notices}: the ETag of the notice list
     * @param filedVersion      a fingerprint of {@code filed}: the ETag of the filed list
     */
    public record Snapshot(long generation, List<NoticeEntry> notices, List<FiledEntry> filed,
                           Map<String, String> onNotice, Map<String, VerifiedCertificate> certificates,
                           String noticesVersion, String filedVersion) {

        static final Snapshot EMPTY = new Snapshot(Long.MIN_VALUE, List.of(), List.of(), Map.of(), Map.of(), "", "");
        private static final Comparator<LocalDate> NEWEST_FIRST = Comparator.nullsLast(Comparator.reverseOrder());
        private static final Comparator<String> TEXT = Comparator.nullsLast(Comparator.naturalOrder());

        static Snapshot build(long generation, List<AcceptanceCase> underNotice, List<AcceptanceCase> filedCases) {
            Map<String, String> onNotice = new HashMap<>();
            Map<String, VerifiedCertificate> certificates = new HashMap<>();
            List<NoticeEntry> notices = new ArrayList<>();
            for (AcceptanceCase c : underNotice) {
                c.currentNotice().ifPresent(notice -> notices.add(notice(c, notice)));
                if (c.creditCode() != null) {
                    onNotice.put(c.creditCode().toUpperCase(Locale.ROOT), c.institutionId());
                }
                certificate(c).ifPresent(v -> certificates.put(c.certificate().verificationCode(), v));
            }
            List<FiledEntry> filed = new ArrayList<>();
            for (AcceptanceCase c : filedCases) {
                filed.add(new FiledEntry(c.institutionName(), c.creditCode(), c.registeredProvince(),
                        provinceName(c.registeredProvince()), c.filedOn()));
                certificate(c).ifPresent(v -> certificates.put(c.certificate().verificationCode(), v));
            }
            notices.sort(Comparator.comparing(NoticeEntry::startedOn, NEWEST_FIRST)
                    .thenComparing(NoticeEntry::institutionName, TEXT).thenComparing(NoticeEntry::creditCode, TEXT));
            filed.sort(Comparator.comparing(FiledEntry::filedOn, NEWEST_FIRST)
                    .thenComparing(FiledEntry::institutionName, TEXT).thenComparing(FiledEntry::creditCode, TEXT));
            return new Snapshot(generation, List.copyOf(notices), List.copyOf(filed), Map.copyOf(onNotice),
                    Map.copyOf(certificates), fingerprint(notices), fingerprint(filed));
        }

        /** AUTH-06: the institutions under notice whose name contains {@code q} or whose credit code does. */
        public List<NoticeEntry> notices(String q) {
            return q == null ? notices
                    : notices.stream().filter(e -> matches(q, e.institutionName(), e.creditCode())).toList();
        }

        /** AUTH-06: the filed institutions whose name contains {@code q} or whose credit code does. */
        public List<FiledEntry> filed(String q) {
            return q == null ? filed
                    : filed.stream().filter(e -> matches(q, e.institutionName(), e.creditCode())).toList();
        }

        /** The certificate with this verification code (case aside), if issued and not revoked. */
        public Optional<VerifiedCertificate> certificate(String verificationCode) {
            if (verificationCode == null) {
                return Optional.empty();
            }
            return Optional.ofNullable(certificates.get(verificationCode.strip().toUpperCase(Locale.ROOT)));
        }

        /** The institution under notice with this credit code (case aside). */
        public Optional<String> underNotice(String creditCode) {
            return creditCode == null ? Optional.empty()
                    : Optional.ofNullable(onNotice.get(creditCode.strip().toUpperCase(Locale.ROOT)));
        }

        private static boolean matches(String q, String name, String creditCode) {
            return name != null && name.toLowerCase(Locale.ROOT).contains(q.toLowerCase(Locale.ROOT))
                    || creditCode != null && creditCode.toUpperCase(Locale.ROOT).contains(q.toUpperCase(Locale.ROOT));
        }

        private static NoticeEntry notice(AcceptanceCase c, Notice notice) {
            return new NoticeEntry(c.institutionName(), c.creditCode(), c.registeredProvince(),
                    provinceName(c.registeredProvince()), notice.number(), notice.startedOn(),
                    notice.earliestEndOn());
        }

        private static Optional<VerifiedCertificate> certificate(AcceptanceCase c) {
            Certificate certificate = c.certificate();
            if (certificate == null || !certificate.issued()) {
                return Optional.empty();
            }
            return Optional.of(new VerifiedCertificate(true, c.institutionName(), c.creditCode(),
                    c.registeredProvince(), provinceName(c.registeredProvince()), certificate.issuedOn(),
                    c.filedOn()));
        }

        private static String provinceName(String code) {
            return Province.ofCode(code).map(Province::chineseName).orElse(null);
        }

        /** 16 hexadecimal digits of SHA-256 over the entries: equal lists, equal fingerprints. */
        private static String fingerprint(List<?> entries) {
            try {
                MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
                for (Object entry : entries) {
                    sha256.update(entry.toString().getBytes(StandardCharsets.UTF_8));
                    sha256.update((byte) '\n');
                }
                return HexFormat.of().formatHex(sha256.digest(), 0, 8);
            } catch (NoSuchAlgorithmException everyJavaHasIt) {
                throw new IllegalStateException(everyJavaHasIt);
            }
        }
    }
}

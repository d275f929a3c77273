package cn.p2psupervision.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** AUTH-02 / AUTH-03 / AUTH-05: every role × {own province, business province, foreign province, no province}. */
class ProvinceScopeTest {

    private static final String ZHEJIANG = "33";
    private static final String GUANGDONG = "44";
    private static final String BEIJING = "11";

    enum RecordKind {
        /** Registered in the caller's province (33). */
        OWN(ZHEJIANG, List.of(GUANGDONG)),
        /** Registered elsewhere, with a business place in the caller's province. */
        BUSINESS_PLACE(GUANGDONG, List.of(ZHEJIANG)),
        /** Neither registered nor doing business in the caller's province. */
        FOREIGN(BEIJING, List.of(GUANGDONG));

        final String registered;
        final List<String> business;

        RecordKind(String registered, List<String> business) {
            this.registered = registered;
            this.business = business;
        }
    }

    static Stream<Arguments> table() {
        Set<PlatformRole> officer = EnumSet.of(PlatformRole.PROVINCIAL_OFFICER);
        Set<PlatformRole> head = EnumSet.of(PlatformRole.PROVINCIAL_HEAD, PlatformRole.PROVINCIAL_OFFICER);
        Set<PlatformRole> central = EnumSet.of(PlatformRole.CENTRAL_REGULATOR);
        Set<PlatformRole> agency = EnumSet.of(PlatformRole.AGENCY_PARTNER);
        Set<PlatformRole> internal = EnumSet.of(PlatformRole.INTERNAL_SERVICE);
        Set<PlatformRole> none = EnumSet.noneOf(PlatformRole.class);
        return Stream.of(
                // role, caller province, record, expected
                Arguments.of(officer, ZHEJIANG, RecordKind.OWN, Access.WRITE),
                Arguments.of(officer, ZHEJIANG, RecordKind.BUSINESS_PLACE, Access.READ),
                Arguments.of(officer, ZHEJIANG, RecordKind.FOREIGN, Access.NONE),
                Arguments.of(officer, null, RecordKind.OWN, Access.NONE),
                Arguments.of(officer, null, RecordKind.BUSINESS_PLACE, Access.NONE),
                Arguments.of(officer, null, RecordKind.FOREIGN, Access.NONE),
                Arguments.of(head, ZHEJIANG, RecordKind.OWN, Access.WRITE),
                Arguments.of(head, ZHEJIANG, RecordKind.BUSINESS_PLACE, Access.READ),
                Arguments.of(head, ZHEJIANG, RecordKind.FOREIGN, Access.NONE),
                Arguments.of(head, null, RecordKind.OWN, Access.NONE),
                Arguments.of(head, null, RecordKind.BUSINESS_PLACE, Access.NONE),
                Arguments.of(head, null, RecordKind.FOREIGN, Access.NONE),
                Arguments.of(central, null, RecordKind.OWN, Access.READ),
                Arguments.of(central, null, RecordKind.BUSINESS_PLACE, Access.READ),
                Arguments.of(central, null, RecordKind.FOREIGN, Access.READ),
                Arguments.of(central, ZHEJIANG, RecordKind.OWN, Access.READ),
                Arguments.of(central, ZHEJIANG, RecordKind.BUSINESS_PLACE, Access.READ),
                Arguments.of(central, ZHEJIANG, RecordKind.FOREIGN, Access.READ),
                Arguments.of(agency, ZHEJIANG, RecordKind.OWN, Access.NONE),
                Arguments.of(agency, ZHEJIANG, RecordKind.BUSINESS_PLACE, Access.NONE),
                Arguments.of(agency, ZHEJIANG, RecordKind.FOREIGN, Access.NONE),
                Arguments.of(agency, null, RecordKind.OWN, Access.NONE),
                Arguments.of(agency, null, RecordKind.BUSINESS_PLACE, Access.NONE),
                Arguments.of(agency, null, RecordKind.FOREIGN, Access.NONE),
                Arguments.of(internal, ZHEJIANG, RecordKind.OWN, Access.NONE),
                Arguments.of(internal, ZHEJIANG, RecordKind.BUSINESS_PLACE, Access.NONE),
                Arguments.of(internal, ZHEJIANG, RecordKind.FOREIGN, Access.NONE),
                Arguments.of(internal, null, RecordKind.OWN, Access.NONE),
                Arguments.of(internal, null, RecordKind.BUSINESS_PLACE, Access.NONE),
                Arguments.of(internal, null, RecordKind.FOREIGN, Access.NONE),
                Arguments.of(none, ZHEJIANG, RecordKind.OWN, Access.NONE),
                Arguments.of(none, null, RecordKind.FOREIGN, Access.NONE));
    }

    @ParameterizedTest(name = "AUTH-02 {0} in province {1} on {2} record -> {3}")
    @MethodSource("table")
    void auth02_scopeRule(Set<PlatformRole> roles, String province, RecordKind record, Access expected) {
        Caller caller = new Caller("u-1", "someone", roles, province, null);

        Access access = ProvinceScope.accessTo(caller, record.registered, record.business);

        assertThat(access).isEqualTo(expected);
        ProvinceScope.ReadableRecords readable = ProvinceScope.readable(caller);
        boolean listed = readable.all() || readable.province()
                .map(p -> p.equals(record.registered) || record.business.contains(p)).orElse(false);
        assertThat(listed).as("list filter agrees with the single-record rule").isEqualTo(expected.canRead());
    }
}

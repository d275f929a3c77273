package cn.p2psupervision.platform.registryfeed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import cn.p2psupervision.platform.mongo.InMemoryStore;
import cn.p2psupervision.platform.security.Access;
import cn.p2psupervision.platform.security.Caller;
import cn.p2psupervision.platform.security.PlatformRole;

/**
 * AUTH-02/03 decided in a consuming context from its own projection of the registry: records about an institution are
 * read by central, written by the registration province, read by its business provinces, and nobody else's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InstitutionDirectoryTest {

    static final Caller CENTRAL = caller(null, PlatformRole.CENTRAL_REGULATOR);
    static final Caller ZHEJIANG = caller("33", PlatformRole.PROVINCIAL_OFFICER);
    static final Caller ZHEJIANG_HEAD = caller("33", PlatformRole.PROVINCIAL_HEAD, PlatformRole.PROVINCIAL_OFFICER);
    static final Caller GUANGDONG = caller("44", PlatformRole.PROVINCIAL_OFFICER);
    static final Caller BEIJING = caller("11", PlatformRole.PROVINCIAL_OFFICER);
    static final Caller OFFICER_WITHOUT_PROVINCE = caller(null, PlatformRole.PROVINCIAL_OFFICER);
    static final Caller AGENCY = caller(null, PlatformRole.AGENCY_PARTNER);
    static final Caller INTERNAL = caller(null, PlatformRole.INTERNAL_SERVICE);

    private InMemoryStore store;
    private InstitutionDirectory directory;

    @BeforeAll
    void project() {
        store = new InMemoryStore();
        InstitutionReferences references = new InstitutionReferences(store.mongo);
        // registered in Zhejiang, with branches in Guangdong and Shanghai
        references.apply(List.of(InstitutionReferencesTest.reference("zj-1", 3, "OPERATING", List.of("31", "44"),
                null)));
        directory = new InstitutionDirectory(references);
    }

    @AfterAll
    void close() {
        store.close();
    }

    @Test
    void auth02_theRegistrationProvinceWritesABusinessProvinceReadsOthersSeeNothing() {
        assertThat(directory.accessTo(ZHEJIANG, "zj-1")).isEqualTo(Access.WRITE);
        assertThat(directory.accessTo(ZHEJIANG_HEAD, "zj-1")).isEqualTo(Access.WRITE);
        assertThat(directory.accessTo(GUANGDONG, "zj-1")).isEqualTo(Access.READ);
        assertThat(directory.accessTo(BEIJING, "zj-1")).isEqualTo(Access.NONE);
        assertThat(directory.mayRead(GUANGDONG, "zj-1")).isTrue();
        assertThat(directory.mayRead(BEIJING, "zj-1")).isFalse();
    }

    @Test
    void auth03_centralReadsEveryInstitutionsRecordsAndWritesNone() {
        assertThat(directory.accessTo(CENTRAL, "zj-1")).isEqualTo(Access.READ);
    }

    @Test
    void auth05_agenciesTheInternalServiceAndAnOfficerWithoutProvinceGetNothingHere() {
        for (Caller caller : List.of(AGENCY, INTERNAL, OFFICER_WITHOUT_PROVINCE)) {
            assertThat(directory.mayRead(caller, "zj-1")).as(caller.username()).isFalse();
        }
    }

    @Test
    void auth02_anInstitutionNotInTheProjectionIsOutOfEveryonesScope() {
        assertThat(directory.find("unknown")).isEmpty();
        assertThat(directory.accessTo(CENTRAL, "unknown")).isEqualTo(Access.NONE);
        assertThat(directory.accessTo(ZHEJIANG, "unknown")).isEqualTo(Access.NONE);
    }

    @Test
    void findAnswersTheProjectedReference() {
        assertThat(directory.find("zj-1")).hasValueSatisfying(institution -> {
            assertThat(institution.registeredProvince()).isEqualTo("33");
            assertThat(institution.businessProvinces()).containsExactly("31", "44");
            assertThat(institution.version()).isEqualTo(3);
        });
    }

    private static Caller caller(String province, PlatformRole... roles) {
        return new Caller("id", String.join("+", List.of(roles).stream().map(PlatformRole::roleName).toList())
                + (province == null ? "" : "@" + province), Set.of(roles), province, null);
    }
}

package cn.p2psupervision.registry.institution;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * REG-08: a status decided in another context of the platform, as that context sends it.
 *
 * @param status    the institution's new status
 * @param context   the context whose decision it is
 * @param reference that context's reference of the decision (a decision id, a filing number, an event id)
 * @param decidedOn the date of the decision; today when absent, never in the future
 * @param reason    why, in the deciding context's words
 */
public record StatusChange(@NotNull InstitutionStatus status, @NotNull DecidingContext context,
                           @NotBlank @Size(max = 200) String reference, LocalDate decidedOn,
                           @Size(max = 2000) String reason) {

    /** The contexts whose decisions set an institution's status. */
    public enum DecidingContext {
        /** 分类处置: compliant / rectification / banning (取缔). */
        CLASSIFICATION,
        /** 整改验收与备案登记: filing (已备案). */
        ACCEPTANCE,
        /** 风险事件: suspension, loss of contact (失联), absconding (跑路). */
        INCIDENT
    }

    /** Same decision, same key: a retry of it commits no second version. */
    String changeKey() {
        return "status:" + context + ":" + reference + ":" + status;
    }

    /** The reason recorded with the version. */
    String describe() {
        return context + " decision " + reference + (reason == null || reason.isBlank() ? "" : ": " + reason);
    }
}

package cn.p2psupervision.incident.events;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * INC-03: the level the platform proposes for an event from the data, with the reasons, always the same for the same
 * figures. The officer sets the level with a reason of their own; the proposal is kept beside it.
 *
 * <p>The rules, the first that holds deciding:
 * <ul>
 *   <li>especially major (特别重大): the institution ranks in the national top {@value #TOP_RANK} by loan balance, or
 *       its loan balance is at least {@value #ESPECIALLY_MAJOR_BALANCE} yuan, or at least
 *       {@value #ESPECIALLY_MAJOR_LENDERS} lenders are affected, or at least {@value #ESPECIALLY_MAJOR_SPREAD}
 *       institutions or provinces are involved (a large-scale blow-up);</li>
 *   <li>major (重大): rank within the top {@value #MAJOR_RANK}, a balance of at least {@value #MAJOR_BALANCE} yuan, at
 *       least {@value #MAJOR_LENDERS} lenders, or more than one institution or province involved (blow-ups in some
 *       regions);</li>
 *   <li>other (其他) otherwise.</li>
 * </ul>
 *
 * @param level   the proposed level
 * @param reasons each criterion that decided it (or, for OTHER, that none held)
 * @param figures the figures it was computed from
 */
public record LevelProposal(Level level, List<Reason> reasons, Figures figures) {

    static final int TOP_RANK = 50;
    static final int MAJOR_RANK = 300;
    static final String ESPECIALLY_MAJOR_BALANCE = "5000000000.00";
    static final String MAJOR_BALANCE = "500000000.00";
    static final long ESPECIALLY_MAJOR_LENDERS = 100_000;
    static final long MAJOR_LENDERS = 10_000;
    static final int ESPECIALLY_MAJOR_SPREAD = 5;

    /**
     * What the proposal is computed from.
     *
     * @param period               the institution's latest reported month, or null when it reported none
     * @param loanBalance          its loan balance that month (借贷余额), yuan
     * @param balanceRank          its rank by loan balance among the institutions of the latest figures scan (1 =
     *                             largest), or null when not ranked yet
     * @param institutionsRanked   how many institutions that ranking holds
     * @param lendersAffected      lenders affected: as the officer estimated them, else the institution's lenders
     * @param institutionsInvolved the event's institution and the related ones
     * @param provincesInvolved    registration and business provinces of those institutions
     */
    public record Figures(String period, BigDecimal loanBalance, Integer balanceRank, long institutionsRanked,
                          long lendersAffected, int institutionsInvolved, int provincesInvolved) {
    }

    /** One criterion that decided the proposal: a stable code and its words. */
    public record Reason(String criterion, String text) {
    }

    /** The proposal for {@code figures}. */
    public static LevelProposal of(Figures figures) {
        List<Reason> especiallyMajor = criteria(figures, TOP_RANK, new BigDecimal(ESPECIALLY_MAJOR_BALANCE),
                ESPECIALLY_MAJOR_LENDERS, ESPECIALLY_MAJOR_SPREAD, ESPECIALLY_MAJOR_SPREAD);
        if (!especiallyMajor.isEmpty()) {
            return new LevelProposal(Level.ESPECIALLY_MAJOR, especiallyMajor, figures);
        }
        List<Reason> major = criteria(figures, MAJOR_RANK, new BigDecimal(MAJOR_BALANCE), MAJOR_LENDERS, 2, 2);
        if (!major.isEmpty()) {
            return new LevelProposal(Level.MAJOR, major, figures);
        }
        return new LevelProposal(Level.OTHER, List.of(new Reason("SMALL_AND_CONTAINED", "No criterion of a major"
                + " event holds: rank " + (figures.balanceRank() == null ? "unknown" : figures.balanceRank())
                + ", balance " + amount(figures.loanBalance()) + " yuan, " + figures.lendersAffected()
                + " lenders, one institution in one province")), figures);
    }

    private static List<Reason> criteria(Figures figures, int rank, BigDecimal balance, long lenders,
                                         int institutions, int provinces) {
        List<Reason> reasons = new ArrayList<>();
        if (figures.balanceRank() != null && figures.balanceRank() <= rank) {
            reasons.add(new Reason("BALANCE_RANK", "Ranks " + figures.balanceRank() + " of "
                    + figures.institutionsRanked() + " institutions by loan balance (top " + rank + ")"));
        }
        if (figures.loanBalance() != null && figures.loanBalance().compareTo(balance) >= 0) {
            reasons.add(new Reason("LOAN_BALANCE", "Loan balance " + amount(figures.loanBalance()) + " yuan in "
                    + figures.period() + " (at least " + amount(balance) + ")"));
        }
        if (figures.lendersAffected() >= lenders) {
            reasons.add(new Reason("LENDERS_AFFECTED", figures.lendersAffected() + " lenders affected (at least "
                    + lenders + ")"));
        }
        if (figures.institutionsInvolved() >= institutions) {
            reasons.add(new Reason("INSTITUTIONS_INVOLVED", figures.institutionsInvolved()
                    + " institutions involved (at least " + institutions + ")"));
        }
        if (figures.provincesInvolved() >= provinces) {
            reasons.add(new Reason("PROVINCES_INVOLVED", figures.provincesInvolved()
                    + " provinces involved (at least " + provinces + ")"));
        }
        return reasons;
    }

    private static String amount(BigDecimal value) {
        return value == null ? "unknown" : value.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }
}

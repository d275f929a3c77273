package cn.p2psupervision.acceptance.cases;

import java.time.Instant;

/**
 * ACC-03: a member of the joint acceptance team, recorded by the officer; a person, not a platform user. A member who
 * leaves is kept with the day they left (the checks they recorded or confirmed name them), and no longer acts.
 *
 * @param id        {@code m1}, {@code m2}, … in the order they joined; never reused
 * @param removedAt when the member left the team; null while a member
 */
public record TeamMember(String id, String name, TeamAgency agency, String organisation, Instant addedAt,
                         Instant removedAt) {

    public boolean active() {
        return removedAt == null;
    }
}

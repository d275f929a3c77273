package cn.p2psupervision.portal.api;

/** The API refused a call of the portal; the pages show it as a readable message ({@link ProblemMessages}). */
public class ApiProblemException extends RuntimeException {

    private final transient ApiProblem problem;

    public ApiProblemException(ApiProblem problem) {
        super("The API answered " + problem.status() + (problem.slug() != null ? " " + problem.slug() : ""));
        this.problem = problem;
    }

    public ApiProblem problem() {
        return problem;
    }

    public int status() {
        return problem.status();
    }
}

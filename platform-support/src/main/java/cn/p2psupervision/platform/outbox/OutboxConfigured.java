package cn.p2psupervision.platform.outbox;

import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Whether the service names collections for the outbox ({@code platform.outbox.collections}), written as a YAML list
 * ({@code collections[0]}, ...) or as a comma-separated value: a plain property condition sees only the second form.
 */
public class OutboxConfigured extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        List<String> collections = Binder.get(context.getEnvironment())
                .bind("platform.outbox.collections", Bindable.listOf(String.class)).orElse(List.of());
        return collections.isEmpty()
                ? ConditionOutcome.noMatch("no platform.outbox.collections")
                : ConditionOutcome.match("platform.outbox.collections " + collections);
    }
}

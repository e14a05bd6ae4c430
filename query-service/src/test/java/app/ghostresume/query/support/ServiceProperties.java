package app.ghostresume.query.support;

import java.util.LinkedHashMap;
import java.util.Map;

import app.ghostresume.stack.TestInfrastructure;

/** The environment a test instance of the service runs with, by the same variable names as production. */
public final class ServiceProperties {

    private ServiceProperties() {
    }

    public static Map<String, String> forFreshDatabaseAndTopic() {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        String topic = infrastructure.newTopicName("seeker-events");
        return forDatabaseAndTopic(infrastructure.newDatabase("query"), topic);
    }

    public static Map<String, String> forDatabaseAndTopic(String jdbcUrl, String topic) {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("POSTGRES_URL", jdbcUrl);
        properties.put("POSTGRES_USER", infrastructure.username());
        properties.put("POSTGRES_PASSWORD", infrastructure.password());
        properties.put("KAFKA_BOOTSTRAP_SERVERS", infrastructure.bootstrapServers());
        properties.put("KAFKA_TOPIC", topic);
        properties.put("KAFKA_TOPIC_PARTITIONS", "3");
        properties.put("KAFKA_CONSUMER_GROUP", "query-" + topic);
        properties.put("JWT_JWK_SET_URI", TestTokens.get().jwkSetUri());
        properties.put("JWT_ISSUER", TestTokens.ISSUER);
        properties.put("ghost.kafka.retry-backoff", "200ms");
        return properties;
    }
}

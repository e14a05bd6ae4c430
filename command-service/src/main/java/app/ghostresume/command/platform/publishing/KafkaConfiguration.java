package app.ghostresume.command.platform.publishing;

import java.util.Map;

import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

    /**
     * Idempotent and acknowledged by all in-sync replicas, so a retried send neither duplicates nor reorders
     * within a partition. Sends fail within seconds while the broker is away, which rolls the batch back
     * instead of blocking the processor for minutes.
     */
    @Bean(destroyMethod = "close")
    Producer<String, byte[]> eventProducer(KafkaSettings settings) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                ProducerConfig.CLIENT_ID_CONFIG, "command-service-publisher",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5,
                ProducerConfig.LINGER_MS_CONFIG, 2,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) settings.deliveryTimeout().dividedBy(3).toMillis(),
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) settings.deliveryTimeout().dividedBy(3).toMillis(),
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) settings.deliveryTimeout().toMillis()),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** The producer's own metrics (sends, errors, batch sizes, request latency) beside the service's. */
    @Bean(destroyMethod = "close")
    KafkaClientMetrics eventProducerMetrics(Producer<String, byte[]> eventProducer) {
        return new KafkaClientMetrics(eventProducer);
    }

    @Bean(destroyMethod = "close")
    Admin kafkaAdmin(KafkaSettings settings) {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                AdminClientConfig.CLIENT_ID_CONFIG, "command-service-admin",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000));
    }

    /**
     * A failed publication must not be logged and skipped: the error propagates, the batch rolls back, and
     * the processor retries from its last token with growing back-off until Kafka is back.
     */
    @Autowired
    void retryPublishingUntilItSucceeds(EventProcessingConfigurer processing) {
        processing.registerListenerInvocationErrorHandler(KafkaPublisher.PROCESSING_GROUP,
                configuration -> PropagatingErrorHandler.instance());
    }
}

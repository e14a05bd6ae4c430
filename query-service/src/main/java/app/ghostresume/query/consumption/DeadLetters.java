package app.ghostresume.query.consumption;

import java.sql.Types;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Parks records that can never be applied, raw bytes included, so that consumption goes on. */
@Component
class DeadLetters {

    private static final int MAX_ERROR_LENGTH = 4000;

    private final JdbcClient jdbc;

    DeadLetters(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void park(ConsumerRecord<byte[], byte[]> record, String error) {
        jdbc.sql("""
                INSERT INTO dead_letter (topic, partition, record_offset, record_key, record_value, error)
                VALUES (:topic, :partition, :offset, :key, :value, :error)
                ON CONFLICT (topic, partition, record_offset) DO NOTHING
                """)
                .param("topic", record.topic())
                .param("partition", record.partition())
                .param("offset", record.offset())
                .param("key", new SqlParameterValue(Types.BINARY, record.key()))
                .param("value", new SqlParameterValue(Types.BINARY, record.value()))
                .param("error", error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) : error)
                .update();
    }
}

package dev.gbconnect.custodian.platform;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.time.Instant;

/**
 * Instants are stored as epoch milliseconds: TIMESTAMP columns carry no zone in Derby, so their meaning would
 * depend on the server's time zone and break across DST changes; ESPI itself counts time in epoch seconds.
 */
@Converter(autoApply = true)
public class InstantMillis implements AttributeConverter<Instant, Long> {

    @Override
    public Long convertToDatabaseColumn(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    @Override
    public Instant convertToEntityAttribute(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }
}

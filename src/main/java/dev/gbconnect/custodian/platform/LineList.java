package dev.gbconnect.custodian.platform;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.List;

/**
 * A short list of strings without line breaks (redirect URIs, scopes, grant types) in one column: read and written
 * with its row, which is how it is always used, instead of a join table per list.
 */
@Converter
public class LineList implements AttributeConverter<List<String>, String> {

    @Override
    public String convertToDatabaseColumn(List<String> values) {
        return values == null || values.isEmpty() ? null : String.join("\n", values);
    }

    @Override
    public List<String> convertToEntityAttribute(String column) {
        return column == null || column.isEmpty() ? List.of() : List.of(column.split("\n"));
    }
}

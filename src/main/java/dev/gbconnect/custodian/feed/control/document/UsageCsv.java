package dev.gbconnect.custodian.feed.control.document;

import dev.gbconnect.custodian.feed.control.query.UsageKind;
import dev.gbconnect.custodian.feed.control.query.UsageRows;
import dev.gbconnect.custodian.feed.control.query.UsageRows.Reading;
import dev.gbconnect.custodian.feed.control.query.UsageRows.Row;
import dev.gbconnect.custodian.feed.control.query.UsageRows.Selection;
import dev.gbconnect.custodian.feed.control.reach.Reach;
import dev.gbconnect.custodian.usage.entity.PackedReadings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The readings within a reach as CSV, for people and spreadsheets: one row per IntervalReading with its usage
 * point, start (UTC), duration in seconds, value in the ReadingType's unit (its power of ten applied), ESPI cost
 * (hundred-thousandths of the currency) and ReadingQuality codes. Streamed like the feeds.
 */
@ApplicationScoped
public class UsageCsv {

    public static final String MEDIA_TYPE = "text/csv";

    @Inject
    UsageRows rows;

    public StreamingOutput write(Reach reach) {
        return out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            w.write("usage_point,start,duration_s,value,unit,cost,quality\r\n");
            try (Reading r = rows.open()) {
                for (Row up : r.all(reach, new Selection(UsageKind.USAGE_POINT, null, null, null, null))) {
                    for (Row mr : r.all(reach, new Selection(UsageKind.METER_READING, up.id(), null, null, null))) {
                        int[] unit = mr.relatedId() == null ? new int[] {-1, 0} : r.unit(mr.relatedId());
                        r.each(
                                reach,
                                new Selection(UsageKind.INTERVAL_BLOCK, up.id(), mr.id(), null, null),
                                block -> rows(
                                        w,
                                        csv(up.title() == null ? up.id() : up.title()),
                                        block.payload(),
                                        reach,
                                        unit));
                    }
                }
            } catch (IOException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException("writing the CSV failed", e);
            }
            w.flush();
        };
    }

    private static void rows(Writer w, String usagePoint, byte[] packed, Reach reach, int[] unit) throws IOException {
        PackedReadings.Cursor c = new PackedReadings.Cursor(packed);
        while (c.next()) {
            if (!c.hasTimePeriod()) continue;
            if (!reach.covers(c.start(), c.start() + c.duration())) continue;
            w.write(usagePoint);
            w.write(',');
            w.write(Instant.ofEpochSecond(c.start()).toString());
            w.write(',');
            w.write(Long.toString(c.duration()));
            w.write(',');
            if (c.hasValue())
                w.write(BigDecimal.valueOf(c.value()).scaleByPowerOfTen(unit[1]).toPlainString());
            w.write(',');
            w.write(unitName(unit[0]));
            w.write(',');
            if (c.hasCost()) w.write(Long.toString(c.cost()));
            w.write(',');
            for (int i = 0; i < c.qualityCount(); i++) {
                if (i > 0) w.write(';');
                w.write(Integer.toString(c.qualityCode(i)));
            }
            w.write("\r\n");
        }
    }

    /** ESPI UnitSymbolKind codes people know; others by number. */
    private static String unitName(int uom) {
        return switch (uom) {
            case -1 -> "";
            case 72 -> "Wh";
            case 38 -> "W";
            case 169 -> "therm";
            case 42 -> "m3";
            case 61 -> "VA";
            case 63 -> "VAr";
            default -> "uom " + uom;
        };
    }

    /** RFC 4180 quoting for a text field. */
    private static String csv(String text) {
        return text.matches("[^,\"\r\n]*") ? text : "\"" + text.replace("\"", "\"\"") + "\"";
    }
}

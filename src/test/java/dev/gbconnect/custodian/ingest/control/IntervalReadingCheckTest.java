package dev.gbconnect.custodian.ingest.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gbconnect.custodian.testsupport.Shared;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Validator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The IntervalReading shortcut must reach the verdict the JDK validator reaches on the whole document, at the same
 * line: each case is an IntervalBlock's readings, valid or not, plain or odd.
 */
class IntervalReadingCheckTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                // valid
                "<IntervalReading><timePeriod><duration>900</duration><start>1700000000</start></timePeriod><value>12</value></IntervalReading>",
                "<IntervalReading><cost>-140737488355328</cost><value>140737488355328</value></IntervalReading>",
                "<IntervalReading><value>+5</value></IntervalReading><IntervalReading><value> 7\n</value></IntervalReading>",
                "<IntervalReading><ReadingQuality><quality>7</quality></ReadingQuality><ReadingQuality><quality>65535</quality></ReadingQuality></IntervalReading>",
                "<IntervalReading><consumptionTier>-32768</consumptionTier><tou>32767</tou><cpp>0</cpp></IntervalReading>",
                "<IntervalReading/><IntervalReading></IntervalReading>",
                "<IntervalReading><extension><x:any xmlns:x='urn:x'>1</x:any></extension><value>1</value></IntervalReading>",
                "<IntervalReading xmlns='http://naesb.org/espi'><value>1</value></IntervalReading>",
                "<IntervalReading><!-- note --><value>00000000000000000000001</value></IntervalReading>",
                "<IntervalReading><timePeriod><duration>4294967295</duration><start>-0000000000000000001</start></timePeriod></IntervalReading>",
                "<IntervalReading><cost>1</cost><value>                                        5</value></IntervalReading>",
                // invalid
                "<IntervalReading><cost>1</cost><ReadingQuality><quality>1</quality></ReadingQuality><ReadingQuality><quality>x</quality></ReadingQuality></IntervalReading>",
                "<IntervalReading><timePeriod><duration>1</duration><start>1</start><start>2</start></timePeriod></IntervalReading>",
                "<IntervalReading><timePeriod><duration>1</duration><start>1</start></timePeriod><value>                                        5x</value></IntervalReading>",
                "<IntervalReading><value>140737488355329</value></IntervalReading>",
                "<IntervalReading><value>12a</value></IntervalReading>",
                "<IntervalReading><value></value></IntervalReading>",
                "<IntervalReading><value>1 2</value></IntervalReading>",
                "<IntervalReading><value>1</value><cost>1</cost></IntervalReading>",
                "<IntervalReading><value>1</value><value>2</value></IntervalReading>",
                "<IntervalReading><timePeriod><duration>900</duration></timePeriod></IntervalReading>",
                "<IntervalReading><timePeriod><start>1</start><duration>900</duration></timePeriod></IntervalReading>",
                "<IntervalReading><ReadingQuality/></IntervalReading>",
                "<IntervalReading><ReadingQuality><quality>65536</quality></ReadingQuality></IntervalReading>",
                "<IntervalReading><ReadingQuality><quality>-1</quality></ReadingQuality></IntervalReading>",
                "<IntervalReading><timePeriod><duration>-1</duration><start>1</start></timePeriod></IntervalReading>",
                "<IntervalReading><tou>40000</tou></IntervalReading>",
                "<IntervalReading><reading>1</reading></IntervalReading>",
                "<IntervalReading>junk<value>1</value></IntervalReading>",
                "<IntervalReading><value><b>1</b></value></IntervalReading>",
                "<IntervalReading id='1'><value>1</value></IntervalReading>",
                "<IntervalReading><value>1</value></IntervalReading><interval><duration>1</duration><start>1</start></interval>",
                "<IntervalReading><value>1</value></IntervalReading><x:IntervalReading xmlns:x='urn:x'/>",
                "<IntervalReading><x:value xmlns:x='urn:x'>1</x:value></IntervalReading>"
            })
    void sameVerdictAndLineAsTheSchemaValidator(String readings) throws Exception {
        String block =
                "<IntervalBlock xmlns=\"http://naesb.org/espi\">\n<interval><duration>86400</duration><start>1700000000</start></interval>\n"
                        + readings.replace("><", ">\n<") + "\n</IntervalBlock>";
        List<String> expected = reference(block);

        Problems problems = new Problems();
        try {
            GreenButtonReaderTest.readAll(GreenButtonReaderTest.feed(block), problems);
        } catch (XMLStreamException stopped) {
            // a fatal problem is already in the list
        }

        assertEquals(expected.isEmpty(), !problems.any(), () -> "expected " + expected + ", found " + problems.list());
        if (!expected.isEmpty())
            assertEquals(
                    line(expected.get(0)),
                    line(problems.list().get(0)),
                    problems.list().toString());
    }

    private static List<String> reference(String block) throws IOException, SAXException {
        List<String> errors = new ArrayList<>();
        Validator validator = Shared.schema().newValidator();
        validator.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {}

            @Override
            public void error(SAXParseException e) {
                errors.add(e.getLineNumber() + ":" + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                error(e);
            }
        });
        try {
            validator.validate(new StreamSource(GreenButtonReaderTest.feed(block)));
        } catch (SAXParseException fatal) {
            // recorded by the handler
        }
        return errors;
    }

    private static String line(String problem) {
        return problem.substring(0, problem.indexOf(':'));
    }
}

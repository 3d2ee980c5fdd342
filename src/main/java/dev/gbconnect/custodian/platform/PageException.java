package dev.gbconnect.custodian.platform;

/**
 * A request a page refuses: one of the {@link PageError}s, the page's title and what the person can do, in English,
 * and on a customer's page their text keys, for the customer's language.
 */
public final class PageException extends Refusal {

    private final PageError error;
    private final String title;
    private final String titleKey, messageKey;
    private final Object[] params;

    PageException(PageError error, String title, String message, String titleKey, String messageKey, Object[] params) {
        super(message);
        this.error = error;
        this.title = title;
        this.titleKey = titleKey;
        this.messageKey = messageKey;
        this.params = params;
    }

    public PageError error() {
        return error;
    }

    public String title() {
        return title;
    }

    /** The title's text key when a customer sees it ({@link PageError#customer}), else null. */
    public String titleKey() {
        return titleKey;
    }

    public String messageKey() {
        return messageKey;
    }

    /** What fills the message's {@code {0}}-style places, formatted in the customer's language. */
    public Object[] params() {
        return params.clone();
    }
}

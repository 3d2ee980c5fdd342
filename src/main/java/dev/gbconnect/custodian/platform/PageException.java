package dev.gbconnect.custodian.platform;

/** A request a page refuses: one of the {@link PageError}s, the page's title and what the person can do. */
public final class PageException extends Refusal {

    private final PageError error;
    private final String title;

    PageException(PageError error, String title, String message) {
        super(message);
        this.error = error;
        this.title = title;
    }

    public PageError error() {
        return error;
    }

    public String title() {
        return title;
    }
}

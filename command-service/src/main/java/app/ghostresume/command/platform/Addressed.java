package app.ghostresume.command.platform;

/**
 * A command that names what it acts on: when the aggregate it names is not there (an unknown id, or the id of
 * another kind of aggregate), the caller hears of a missing {@link Subject}, worded like every other 404 about it.
 */
public interface Addressed {

    Subject subject();
}

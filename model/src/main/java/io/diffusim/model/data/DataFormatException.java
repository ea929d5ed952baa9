package io.diffusim.model.data;

/** A data file that cannot be read, with the file and, where known, the line (1-based) and column at fault. */
public final class DataFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** A problem with the file as a whole (missing, empty, truncated). */
    public DataFormatException(String file, String problem) {
        super(file + ": " + problem);
    }

    /** A problem on one line. */
    public DataFormatException(String file, int line, String problem) {
        super(file + ": line " + line + ": " + problem);
    }

    /** A problem in one cell, its column counted from 1 (never quoted: messages carry no file contents). */
    public DataFormatException(String file, int line, int column, String problem) {
        super(file + ": line " + line + ", column " + column + ": " + problem);
    }
}

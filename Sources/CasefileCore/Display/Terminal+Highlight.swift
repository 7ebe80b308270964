extension Terminal {
    /// A matched word as a colour terminal shows it, in the shell and on the command line
    /// alike (bold yellow; callers decide whether colour is on: a terminal, no NO_COLOR).
    public static func highlighted(_ text: String) -> String { styled(text, .highlight) }
}

using System.Diagnostics;
using System.Text;

namespace Praefect.TestSupport;

/// <summary>
/// Writes a child process's whole stdin and closes it. A child that exits without reading its stdin
/// (EPIPE) is not an error here, as git treats its hooks: its exit code and output say what happened.
/// </summary>
public static class ProcessInput
{
    public static async Task WriteAndCloseAsync(Process process, string text)
    {
        try
        {
            // To the pipe itself: nothing stays buffered in the writer to fail again when it is closed.
            await process.StandardInput.BaseStream.WriteAsync(Encoding.UTF8.GetBytes(text));
        }
        catch (IOException)
        {
            // The child closed its end first.
        }

        try
        {
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // Closing flushes, and even an empty flush fails on a broken pipe; the writer is closed all the same.
        }
    }
}

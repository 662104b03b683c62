using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace TrainingService.Api.Tests.Hostile;

/// <summary>
/// HTTP/1.1 requests written byte by byte, for what HttpClient refuses to send: NUL, control and non-ASCII bytes in
/// a header, and one header field repeated on lines of its own.
/// </summary>
internal static class RawHttp
{
    /// <returns>The answer's status code.</returns>
    public static async Task<int> SendAsync(Uri server, HttpMethod method, string pathAndQuery, IEnumerable<byte[]> headerLines)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port);
        await using var stream = client.GetStream();
        var request = new MemoryStream();
        request.Write(Encoding.ASCII.GetBytes($"{method} {pathAndQuery} HTTP/1.1\r\nHost: {server.Authority}\r\nContent-Length: 0\r\nConnection: close\r\n"));
        foreach (var line in headerLines)
        {
            request.Write(line);
            request.Write("\r\n"u8);
        }
        request.Write("\r\n"u8);
        await stream.WriteAsync(request.ToArray());
        using var reader = new StreamReader(stream, Encoding.Latin1);
        var status = await reader.ReadLineAsync() ?? throw new IOException("The server closed the connection without an answer.");
        return int.Parse(status.Split(' ')[1], CultureInfo.InvariantCulture);
    }

    public static byte[] Header(string name, byte[] value) => [.. Encoding.ASCII.GetBytes(name + ": "), .. value];
}

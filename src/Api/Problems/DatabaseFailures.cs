using System.Net.Sockets;
using Npgsql;

namespace TrainingService.Api.Problems;

/// <summary>Tells a PostgreSQL that is not answering apart from every other failure.</summary>
public static class DatabaseFailures
{
    /// <summary>
    /// True when the exception, or one it wraps (EF's retry limit, its transient-failure wrapper, an
    /// aggregate), says the server could not be reached or went away: a connection failure, a transient
    /// Npgsql error, a socket error, a timeout, or the server shutting down or not yet accepting connections.
    /// </summary>
    public static bool IsUnavailable(Exception exception) => Cause(exception) is not null;

    /// <summary>A short reason for a person ("Connection refused"), or null where the database is not at fault.</summary>
    public static string? Reason(Exception exception) => Cause(exception) is { } cause ? FirstLine(cause) : null;

    private static Exception? Cause(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is AggregateException aggregate)
            {
                return aggregate.InnerExceptions.Select(Cause).FirstOrDefault(c => c is not null);
            }
            if (current is PostgresException postgres)
            {
                // Class 08: connection exceptions; 57P01-57P03: shutting down or starting up; 53300: no connection slot free.
                if (postgres.SqlState.StartsWith("08", StringComparison.Ordinal) || postgres.SqlState is "57P01" or "57P02" or "57P03" or "53300") return Innermost(current);
                continue;
            }
            if (current is NpgsqlException { IsTransient: true } or SocketException or TimeoutException) return Innermost(current);
        }
        return null;
    }

    private static Exception Innermost(Exception exception)
    {
        var innermost = exception;
        while (innermost.InnerException is { } inner && inner is not AggregateException) innermost = inner;
        return innermost;
    }

    private static string FirstLine(Exception exception)
    {
        var message = exception.Message.Split('\n', 2)[0].Trim().TrimEnd('.');
        return message.Length <= 200 ? message : message[..200];
    }
}

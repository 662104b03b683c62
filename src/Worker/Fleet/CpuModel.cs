namespace TrainingService.Worker.Fleet;

/// <summary>The CPU's model name from <c>/proc/cpuinfo</c>; null where there is none (not Linux, or an ARM kernel that omits it).</summary>
public static class CpuModel
{
    public static string? Read(string cpuInfoPath = "/proc/cpuinfo")
    {
        try
        {
            return File.ReadLines(cpuInfoPath)
                .Select(line => line.Split(':', 2))
                .Where(parts => parts.Length == 2 && parts[0].Trim() is "model name" or "Model" or "Hardware")
                .Select(parts => parts[1].Trim())
                .FirstOrDefault(name => name.Length > 0);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}

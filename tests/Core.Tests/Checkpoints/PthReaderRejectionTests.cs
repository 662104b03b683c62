using System.Text;
using TrainingService.Core.Checkpoints;

namespace TrainingService.Core.Tests.Checkpoints;

/// <summary>Files that are not tensor state dicts are refused with an InvalidCheckpointException that says what was found.</summary>
public class PthReaderRejectionTests
{
    [Theory]
    [InlineData("80 02 63 6f 73 0a 73 79 73 74 65 6d 0a 29 52 2e", "os.system")]
    [InlineData("80 04 95 0b 00 00 00 00 00 00 00 7d 94 2e", "FRAME")]
    [InlineData("80 02 8c 01 61 2e", "SHORT_BINUNICODE")]
    [InlineData("80 02 4e 30 2e", "POP")]
    [InlineData("80 02 5d 2e", "not hold a dict")]
    [InlineData("80 02 4b", "truncated")]
    [InlineData("80 02 29 2e", "not hold a dict")]
    public void A_pickle_outside_the_state_dict_vocabulary_is_refused_saying_what_it_found(string pickleHex, string named)
    {
        var archive = PthBytes.ZipOf(("archive/data.pkl", Convert.FromHexString(pickleHex.Replace(" ", "", StringComparison.Ordinal))));

        var error = Assert.Throws<InvalidCheckpointException>(() => PthBytes.Read(archive));
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_storage_smaller_than_the_pickle_declares_is_an_invalid_checkpoint()
    {
        var written = PthBytes.Write([SampleStateDicts.Floats("w", [2, 3])]);
        var archive = PthBytes.ZipOf(("archive/data.pkl", PthBytes.Entry(written, "archive/data.pkl")), ("archive/data/0", new byte[8]));

        var error = Assert.Throws<InvalidCheckpointException>(() => PthBytes.Read(archive));
        Assert.Contains("Storage '0'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bytes_that_are_not_a_zip_are_an_invalid_checkpoint()
    {
        Assert.Throws<InvalidCheckpointException>(() => PthBytes.Read(Encoding.ASCII.GetBytes(new string('x', 5000))));
    }
}

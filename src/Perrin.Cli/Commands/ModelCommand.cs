using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Perrin.Cli.Console;
using Perrin.Nn.Models;
using Perrin.Simulation.Recipes;

namespace Perrin.Cli.Commands;

/// <summary>`perrin model`: what a model file holds, and its export to ONNX.</summary>
internal static class ModelCommand
{
    public static Command Create(CliConsole console)
    {
        var model = new Command("model", "Inspect a trained model file or export it to ONNX");
        model.Subcommands.Add(CreateInfo(console));
        model.Subcommands.Add(CreateExport(console));
        return model;
    }

    private static Command CreateInfo(CliConsole console)
    {
        var file = new Argument<string>("model") { Description = "A model file (safetensors) written by perrin train" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object on standard output" };
        var info = new Command("info", "Architecture, parameter count, input normalization and training metadata of a model file") { file, json };
        info.SetAction(parse => CommandRunner.Run(console, () =>
        {
            var path = parse.GetValue(file)!;
            var loaded = Load(path);
            var node = new JsonObject
            {
                ["file"] = path,
                ["architecture"] = JsonNode.Parse(loaded.Config.ToJson()),
                ["parameters"] = loaded.Model.ParameterCount(),
                ["normalization"] = loaded.Metadata.Normalization,
                ["version"] = loaded.Metadata.Version,
                ["recipe"] = RecipeName(loaded.Metadata.Recipe),
            };
            var extra = new JsonObject();
            foreach (var (k, v) in loaded.Metadata.Extra) extra[k] = v;
            node["metadata"] = extra;
            if (parse.GetValue(json))
            {
                console.Out.WriteLine(node.ToJsonString());
                return ExitCodes.Ok;
            }

            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{path}: {loaded.Config.GetType().Name.Replace("Config", "", StringComparison.Ordinal)}, {loaded.Model.ParameterCount()} parameters"));
            console.Out.WriteLine($"architecture: {loaded.Config.ToJson()}");
            console.Out.WriteLine($"normalization: {loaded.Metadata.Normalization ?? "not recorded"}");
            console.Out.WriteLine($"recipe: {RecipeName(loaded.Metadata.Recipe) ?? "not recorded"}");
            foreach (var (k, v) in loaded.Metadata.Extra) console.Out.WriteLine($"{k}: {v}");
            return ExitCodes.Ok;
        }));
        return info;
    }

    private static Command CreateExport(CliConsole console)
    {
        var file = new Argument<string>("model") { Description = "A model file (safetensors) written by perrin train" };
        var output = new Option<string>("--output", "-o") { Description = "The ONNX file to write", Required = true };
        var shape = new Option<string?>("--shape") { Description = "Input shape N,C,H,W (the batch axis is exported as symbolic); default: one image of the training recipe's size" };
        var export = new Command("export-onnx", "Export the inference graph of a model file to ONNX (opset 17)") { file, output, shape };
        export.SetAction(parse => CommandRunner.Run(console, () =>
        {
            var path = parse.GetValue(file)!;
            var loaded = Load(path);
            var dims = parse.GetValue(shape) is { } text ? ParseShape(text) : DefaultShape(loaded, path);
            try
            {
                OnnxExport.Save(parse.GetValue(output)!, loaded.Model, dims, loaded.Config);
            }
            catch (Exception e) when (e is NotSupportedException or ArgumentException)
            {
                throw new UserInputException($"{path}: {e.Message}");
            }

            console.Error.WriteLine($"{path} → {parse.GetValue(output)}: ONNX opset 17, input [{string.Join(", ", dims)}] with a symbolic batch axis");
            return ExitCodes.Ok;
        }));
        return export;
    }

    private static LoadedModel Load(string path)
    {
        if (!File.Exists(path)) throw new UserInputException($"{path}: no such model file");
        try
        {
            return ModelStore.Load(path);
        }
        catch (InvalidOperationException e)
        {
            throw new UserInputException($"{path}: {e.Message}");
        }
    }

    private static string? RecipeName(string? recipe)
    {
        if (recipe is null) return null;
        try
        {
            return RecipeReader.Read(recipe, "model recipe").Name ?? "(unnamed recipe)";
        }
        catch (RecipeException)
        {
            return "(unreadable recipe)";
        }
    }

    private static int[] ParseShape(string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var dims = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out dims[i]) || dims[i] is < 1 or > 65536)
            {
                throw new UserInputException($"--shape {text}: expected positive sizes separated by commas, e.g. 1,1,256,256");
            }
        }

        return dims;
    }

    private static int[] DefaultShape(LoadedModel loaded, string path)
    {
        switch (loaded.Config)
        {
            case CnnConfig cnn:
                return [1, cnn.InputChannels, cnn.InputHeight, cnn.InputWidth];
            case ConvDecoderConfig decoder when loaded.Metadata.Recipe is { } text:
                var recipe = RecipeReader.Read(text, path);
                return [1, decoder.InputChannels, recipe.Image.Height, recipe.Image.Width];
            default:
                throw new UserInputException($"{path}: the file records no input size; give --shape N,C,H,W");
        }
    }
}

namespace Perrin.Simulation.Properties;

public enum PropertyValueKind
{
    Number,
    Text,
    Boolean,
    List,
}

from nascar_kg.cli import main

main()
